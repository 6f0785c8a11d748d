#include "SecretInput.h"

#include "CliOutput.h"

#include <QCoreApplication>
#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace tokendesk::cli {

namespace {

constexpr int kMaxSecretBytes = 4096;

// Echo off for as long as it lives, on a terminal.
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_UNIX
        if (tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
#ifdef Q_OS_UNIX
    termios m_saved{};
#endif
    bool m_active = false;
};

} // namespace

SecretInput::Result SecretInput::read(const QString &prompt)
{
    Result result;
    const bool terminal = CliOutput::stdinIsTerminal();
    std::optional<EchoOff> echoOff;
    if (terminal) {
        CliOutput::err(prompt);
        echoOff.emplace();
    }
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n') {
        if (line.size() >= kMaxSecretBytes) {
            line.fill('\0');
            result.error = QCoreApplication::translate(
                "SecretInput", "the secret on standard input is longer than %1 bytes")
                               .arg(kMaxSecretBytes);
            return result;
        }
        line.append(char(c));
    }
    if (terminal) {
        echoOff.reset();
        CliOutput::err(QStringLiteral("\n"));
    }
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        result.empty = true;
        result.error = QCoreApplication::translate(
            "SecretInput", "no client secret on standard input (give it as the first line)");
        return result;
    }
    result.secret = line;
    line.fill('\0');
    return result;
}

} // namespace tokendesk::cli
