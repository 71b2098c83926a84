#pragma once

#include <QString>

namespace firebreak::render {

/// A complete HTML page (UTF-8, with `title` in <title>) showing `markdown` as QTextDocument renders it.
QString markdownToHtml(const QString& markdown, const QString& title);

/// Typesets `markdown` on A4 pages into the PDF `file`, replacing it only once the whole document is
/// written. On failure returns false and, if `error` is given, a message naming the file.
/// Needs a QGuiApplication (the offscreen platform is enough).
bool writePdf(const QString& markdown, const QString& file, QString* error = nullptr);

} // namespace firebreak::render
