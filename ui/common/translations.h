#pragma once

#include <QString>
#include <QStringList>

namespace firebreak::ui {

/// Languages the shell is translated into, as codes ("en" is the source language).
QStringList availableLanguages();

/// Loads Firebreak's and Qt's own translations for `code` ("" = the system locale) into the application.
/// Returns the language actually in effect.
QString installTranslations(const QString& code);

} // namespace firebreak::ui
