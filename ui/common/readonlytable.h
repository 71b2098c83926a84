#pragma once

class QTableView;

namespace firebreak::ui {

/// The look of the workspaces' result tables (search results, alerts …): whole rows selected one at a time,
/// nothing editable, sortable, compact rows without grid or wrapping, left-aligned interactive headers.
/// Callers add their sort column and which column stretches.
void setUpReadOnlyTable(QTableView* table);

} // namespace firebreak::ui
