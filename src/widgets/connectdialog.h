// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Ui {
class ConnectDialog;
}

// Asks for the account's name, the API URL and the application token (masked), and whether to
// remember the token in the OS keychain. Checks the URL (https, or http to loopback) and that the
// name is not another account's before it closes.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void setAccountName(const QString &name);
    [[nodiscard]] QString accountName() const;
    void setTakenNames(const QStringList &names); // the other accounts' names
    void setApiUrl(const QUrl &url);
    [[nodiscard]] QUrl apiUrl() const;
    void setToken(const QString &token);
    [[nodiscard]] QString token() const;
    void setRemember(bool remember);
    [[nodiscard]] bool remember() const;
    // A note below the form, e.g. that no keychain is available.
    void setNote(const QString &note);
    void setKeychainAvailable(bool available);

    void accept() override;

private:
    void updateOk();

    void showError(const QString &text, QWidget *focus);

    std::unique_ptr<Ui::ConnectDialog> m_ui;
    QStringList m_takenNames;
};
