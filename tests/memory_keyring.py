"""A real keyring backend (the plugin's vendored keyring API) keeping passwords in a dict:
what KeyringSecretStore talks to in tests, with no system keyring service needed."""
from dinamis._vendor.keyring.backend import KeyringBackend
from dinamis._vendor.keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.passwords:
            raise PasswordDeleteError("no such password")
        del self.passwords[(service, username)]
