#pragma once

class QComboBox;

namespace tokendesk::ui {

// The choices a user makes for a token (kind, usage model, environment), filled into combo
// boxes the same way everywhere: the item data is the wire value, empty for "Not set".
class TokenChoices
{
public:
    static void fillKinds(QComboBox *combo);
    // explained: with what each model means (the details pane), or short (dialogs).
    static void fillUsageModels(QComboBox *combo, bool explained);
    static void fillEnvironments(QComboBox *combo);
};

} // namespace tokendesk::ui
