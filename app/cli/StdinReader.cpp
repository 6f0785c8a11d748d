#include "StdinReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

namespace tokendesk::cli {

StdinReader::Result StdinReader::readLines()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        return {{},
                QCoreApplication::translate("StdinReader", "cannot read standard input: %1")
                    .arg(input.errorString())};
    }
    QByteArray bytes;
    while (true) {
        const QByteArray chunk = input.read(1024 * 1024);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (bytes.size() > kMaxBytes) {
            return {
                {},
                QCoreApplication::translate("StdinReader", "standard input is larger than %1 MiB")
                    .arg(kMaxBytes / (1024 * 1024))};
        }
    }
    return linesFromBytes(bytes);
}

StdinReader::Result StdinReader::linesFromBytes(const QByteArray &bytes)
{
    Result result;
    const QList<QByteArray> rawLines = bytes.split('\n');
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        QByteArray raw = rawLines.at(i);
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (i == rawLines.size() - 1 && raw.isEmpty())
            break; // the newline that ends the last line
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString line = decoder.decode(raw);
        if (decoder.hasError()) {
            result.lines.clear();
            result.error = QCoreApplication::translate("StdinReader",
                                                       "standard input is not UTF-8 text (line %1)")
                               .arg(i + 1);
            return result;
        }
        result.lines.append(line);
    }
    return result;
}

} // namespace tokendesk::cli
