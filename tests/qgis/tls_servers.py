"""Loopback HTTPS for the TLS tests: a private CA, an HTTPS front of the reference server,
and a TLS-inspecting proxy (CONNECT, then TLS with a certificate of that CA for the host
the client asked for, then the decrypted requests relayed to the origin over plain HTTP),
as the proxy of a French administration does."""
import datetime
import http.client
import http.server
import ipaddress
import socket
import ssl
import threading
import uuid
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

_HOP_BY_HOP = ("connection", "keep-alive", "proxy-connection", "proxy-authorization",
               "transfer-encoding", "content-length")


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key():
    return ec.generate_private_key(ec.SECP256R1())


def _write(folder: Path, stem: str, certificate, key) -> tuple:
    cert_path, key_path = folder / f"{stem}.pem", folder / f"{stem}-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _server_certificate(subject, issuer_name, issuer_key, key, is_ca=False):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5))
               .not_valid_after(now + datetime.timedelta(days=2)))
    if is_ca:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), True)
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
            key_encipherment=False, data_encipherment=False, key_agreement=False,
            encipher_only=False, decipher_only=False), True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            False)
        builder = builder.add_extension(x509.ExtendedKeyUsage(
            [x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), False)
    return builder.sign(issuer_key, hashes.SHA256())


class PrivateCa:
    """A CA nobody trusts by default, and loopback server certificates it signs."""

    def __init__(self, folder: Path, name: str = ""):
        name = name or f"Administration TLS inspection CA {uuid.uuid4().hex[:8]}"
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.key = _key()
        self.certificate = _server_certificate(_name(name), _name(name), self.key, self.key,
                                               is_ca=True)
        self.cert_path, _ = _write(self.folder, "ca", self.certificate, self.key)
        self.pem = self.cert_path.read_bytes()

    def server_files(self, stem: str = "server") -> tuple:
        key = _key()
        certificate = _server_certificate(_name("localhost"), self.certificate.subject,
                                          self.key, key)
        return _write(self.folder, stem, certificate, key)


def self_signed_files(folder: Path, stem: str) -> tuple:
    """A loopback certificate signed by its own key (what a server exception accepts)."""
    key = _key()
    certificate = _server_certificate(_name("localhost"), _name("localhost"), key, key)
    return _write(Path(folder), stem, certificate, key)


def server_context(cert_path, key_path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert_path), str(key_path))
    return context


class _Relay(http.server.BaseHTTPRequestHandler):
    """Relays each request to `server.upstream` (host, port) over plain HTTP."""

    protocol_version = "HTTP/1.1"

    def _relay(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        if self.server.rewrite_host:
            headers["Host"] = "%s:%d" % self.server.upstream
        self.server.seen.append((self.command, self.path))
        upstream = http.client.HTTPConnection(*self.server.upstream, timeout=30)
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
        finally:
            upstream.close()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in _HOP_BY_HOP:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_HEAD = _relay

    def log_message(self, *_args):
        pass


class _Tunnel:
    """What a relay handler inside a CONNECT tunnel sees as its server."""

    def __init__(self, upstream, seen):
        self.upstream, self.seen, self.rewrite_host = upstream, seen, False


class _Background(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()

    @property
    def port(self) -> int:
        return self.server_address[1]


class HttpsFront(_Background):
    """An HTTPS server on loopback relaying every request to a plain-HTTP origin."""

    def __init__(self, upstream_port: int, cert_path, key_path):
        self.upstream, self.seen, self.rewrite_host = ("127.0.0.1", upstream_port), [], True
        super().__init__(("127.0.0.1", 0), _Relay)
        self.context = server_context(cert_path, key_path)

    def get_request(self):
        sock, address = super().get_request()
        return self.context.wrap_socket(sock, server_side=True), address

    def handle_error(self, request, client_address):
        pass  # a client refusing our certificate ends its handshake: expected here


class _InspectingHandler(http.server.BaseHTTPRequestHandler):
    def do_CONNECT(self):  # noqa: N802 - http.server's name
        host, port = self.path.rsplit(":", 1)
        self.server.connects.append(self.path)
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = True
        try:
            tunnel = self.server.context.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError):
            return  # the client refused the inspecting certificate
        try:
            _Relay(tunnel, self.client_address, _Tunnel((host, int(port)), self.server.seen))
        except (ssl.SSLError, OSError, socket.timeout):
            pass
        finally:
            try:
                tunnel.close()
            except OSError:
                pass

    def log_message(self, *_args):
        pass


class InspectingProxy(_Background):
    """A forward proxy that decrypts HTTPS with certificates of its own CA."""

    def __init__(self, cert_path, key_path):
        self.connects, self.seen = [], []
        super().__init__(("127.0.0.1", 0), _InspectingHandler)
        self.context = server_context(cert_path, key_path)
