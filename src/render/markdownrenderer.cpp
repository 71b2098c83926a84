#include "markdownrenderer.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace firebreak::render {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Render)
};

// QTextDocument writes every block with zero margins inline; a reader's browser needs air between them.
const char* const PageStyle = R"(body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 50em;
  margin: 2em auto; padding: 0 1em; color: #1d1d1f; }
body > h1, body > h2, body > h3 { margin-top: 1.2em !important; margin-bottom: 0.4em !important; }
body > p, body > ul, body > ol, body > table, body > blockquote { margin-bottom: 0.6em !important; }
table { border-collapse: collapse; }
td, th { border: 1px solid #c8c8cc; padding: 0.2em 0.6em; vertical-align: top; }
code { font-family: ui-monospace, monospace; })";

/// Pictures inlined as `data:image/…;base64,` URLs (pinned evidence) are decoded here: QTextDocument
/// itself only loads files and resources.
class DataUrlDocument final : public QTextDocument
{
protected:
    QVariant loadResource(int type, const QUrl& name) override
    {
        if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("data")) {
            const QString url = name.toString();
            const qsizetype comma = url.indexOf(u',');
            if (comma > 0 && url.left(comma).endsWith(QLatin1String(";base64"))) {
                QImage image;
                if (image.loadFromData(QByteArray::fromBase64(url.mid(comma + 1).toLatin1())))
                    return image;
            }
            return {};
        }
        return QTextDocument::loadResource(type, name);
    }
};

QString documentTitle(const QString& markdown)
{
    static const QRegularExpression heading(QStringLiteral("^#\\s+(.+)$"), QRegularExpression::MultilineOption);
    return heading.match(markdown).captured(1).trimmed();
}

} // namespace

QString markdownToHtml(const QString& markdown, const QString& title)
{
    QTextDocument document;
    document.setMarkdown(markdown);
    const QString html = document.toHtml();
    // Keep only the body: the page around it is ours (HTML5, charset, an escaped title, a stylesheet).
    const qsizetype bodyTag = html.indexOf(QLatin1String("<body"));
    const qsizetype bodyStart = bodyTag < 0 ? -1 : html.indexOf(u'>', bodyTag);
    const qsizetype bodyEnd = html.lastIndexOf(QLatin1String("</body>"));
    const QString body
        = bodyStart >= 0 && bodyEnd > bodyStart ? html.mid(bodyStart + 1, bodyEnd - bodyStart - 1) : html;
    return QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"generator\" content=\"Firebreak\">\n<title>")
        + title.toHtmlEscaped() + QStringLiteral("</title>\n<style>\n") + QLatin1String(PageStyle)
        + QStringLiteral("\n</style>\n</head>\n<body>") + body + QStringLiteral("\n</body>\n</html>\n");
}

bool writePdf(const QString& markdown, const QString& file, QString* error)
{
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(
            Text::tr("Cannot write the PDF %1: no graphical application (QGuiApplication) is running.").arg(file));

    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fail(Text::tr("Cannot write %1: %2").arg(file, out.errorString()));
    {
        QPdfWriter writer(&out);
        // print() adds a 2 cm margin of its own inside the page's, so this gives 2.5 cm in all.
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(5, 5, 5, 5), QPageLayout::Millimeter));
        writer.setCreator(QStringLiteral("Firebreak"));
        writer.setTitle(documentTitle(markdown));
        DataUrlDocument document;
        QFont font = document.defaultFont();
        font.setPointSizeF(10);
        document.setDefaultFont(font);
        document.setMarkdown(markdown);
        // print() lays the document out again for the writer's page and resolution and paints every page.
        document.print(&writer);
    }
    if (!out.commit())
        return fail(Text::tr("Cannot write %1: %2").arg(file, out.errorString()));
    return true;
}

} // namespace firebreak::render
