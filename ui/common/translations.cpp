#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace firebreak::ui {

QStringList availableLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("de") };
}

QString installTranslations(const QString& code)
{
    const QString language = code.isEmpty() ? QLocale::system().name().section(u'_', 0, 0) : code;
    if (language == QLatin1String("en") || !availableLanguages().contains(language))
        return QStringLiteral("en");

    auto* app = QCoreApplication::instance();
    auto* own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/firebreak_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(own);
    } else {
        delete own;
        return QStringLiteral("en");
    }
    // Qt's own strings (OK/Cancel, file dialogs) from qt6-translations-l10n, where installed.
    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

} // namespace firebreak::ui
