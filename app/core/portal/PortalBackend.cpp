#include "PortalBackend.h"

namespace tokendesk::portal {

using namespace tokendesk::domain;

void TokenListing::addToken(const Token &token)
{
    const auto tombstone = m_tombstoneIndex.constFind(token.id);
    if (tombstone != m_tombstoneIndex.cend() && tombstones.at(*tombstone).version >= token.version)
        return;
    const auto known = m_tokenIndex.constFind(token.id);
    if (known == m_tokenIndex.cend()) {
        m_tokenIndex.insert(token.id, tokens.size());
        tokens.append(token);
    } else if (tokens.at(*known).version < token.version) {
        tokens[*known] = token;
    }
}

void TokenListing::addTombstone(const TokenTombstone &tombstone)
{
    const auto live = m_tokenIndex.constFind(tombstone.id);
    if (live != m_tokenIndex.cend() && tokens.at(*live).version <= tombstone.version) {
        tokens.removeAt(*live);
        // Removal shifts the positions after it.
        m_tokenIndex.clear();
        for (qsizetype i = 0; i < tokens.size(); ++i)
            m_tokenIndex.insert(tokens.at(i).id, i);
    }
    const auto known = m_tombstoneIndex.constFind(tombstone.id);
    if (known == m_tombstoneIndex.cend()) {
        m_tombstoneIndex.insert(tombstone.id, tombstones.size());
        tombstones.append(tombstone);
    } else if (tombstones.at(*known).version < tombstone.version) {
        tombstones[*known] = tombstone;
    }
}

} // namespace tokendesk::portal
