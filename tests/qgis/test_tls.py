"""HTTPS where QGIS works: the plugin's own calls trust QGIS's CA certificates and SSL
server exceptions (its authentication manager), directly and through a TLS-inspecting
proxy (CONNECT), and GDAL streams a signed COG through that proxy with the CA bundle."""
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsAuthCertUtils, QgsAuthConfigSslServer
from qgis.PyQt.QtCore import QByteArray
from qgis.PyQt.QtNetwork import QSslCertificate, QSslError

from dinamis.core import errors
from dinamis.core.http import call, new_http_session
from dinamis.core.profiles import local_reference
from dinamis.core.session import DinamisSession
from dinamis.core.signer import Signer
from dinamis.qgis_glue import proxy, tls
from dinamis.qgis_glue.plugin_session import new_glue_http_session
from tests.qgis.conftest import create_api_key
from tests.qgis.test_proxy import set_qgis_proxy
from tests.qgis.tls_servers import HttpsFront, InspectingProxy, PrivateCa, self_signed_files


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    return PrivateCa(tmp_path_factory.mktemp("tls-ca"))


def certificate(pem: bytes) -> QSslCertificate:
    return QSslCertificate(QByteArray(pem))


@pytest.fixture
def qgis_trusts(auth_master_password):
    """Import a CA certificate into QGIS's store and trust it, as a user would in the
    Certificate Manager; removed again after the test."""
    manager = QgsApplication.authManager()
    added = []

    def trust(pem: bytes):
        cert = certificate(pem)
        assert manager.storeCertAuthority(cert)
        assert manager.storeCertTrustPolicy(cert, QgsAuthCertUtils.CertTrustPolicy.Trusted)
        manager.rebuildCaCertsCache()
        manager.rebuildTrustedCaCertsCache()
        added.append(cert)
    yield trust
    for cert in added:
        manager.removeCertAuthority(cert)
        manager.removeCertTrustPolicy(cert)
    manager.rebuildCaCertsCache()
    manager.rebuildTrustedCaCertsCache()


@pytest.fixture
def qgis_exception(auth_master_password):
    """Store an SSL server exception (QGIS's "SSL errors" dialog, saved) for one test."""
    manager = QgsApplication.authManager()
    stored = []

    def accept(host_port: str, pem: bytes):
        config = QgsAuthConfigSslServer()
        config.setSslHostPort(host_port)
        config.setSslCertificate(certificate(pem))
        config.setSslIgnoredErrorEnums([QSslError.SslError.SelfSignedCertificate,
                                        QSslError.SslError.HostNameMismatch])
        assert manager.storeSslCertCustomConfig(config)
        stored.append((QgsAuthCertUtils.shaHexForCert(certificate(pem)), host_port))
    yield accept
    for digest, host_port in stored:
        manager.removeSslCertCustomConfig(digest, host_port)


@pytest.fixture
def started():
    servers = []

    def start(server):
        servers.append(server.start())
        return server
    yield start
    for server in servers:
        server.stop()


def test_https_calls_trust_the_ca_certificates_qgis_trusts(isolated_settings, ca, server,
                                                           qgis_trusts, started):
    front = started(HttpsFront(server.port, *ca.server_files()))
    url = f"https://localhost:{front.port}/stac/"
    with pytest.raises(errors.CertificateNotTrusted) as refused:
        call(new_glue_http_session(), "GET", url)
    assert "Certificate Manager" in str(refused.value)
    qgis_trusts(ca.pem)
    assert call(new_glue_http_session(), "GET", url).json()["type"] == "Catalog"
    with pytest.raises(errors.CertificateNotTrusted):  # the CA is in QGIS's store only
        call(new_http_session(retries=0), "GET", url)
    bundle = Path(tls.ca_bundle_path())
    assert ca.pem.strip() in bundle.read_bytes()
    assert tls.gdal_tls_options()["GDAL_CURL_CA_BUNDLE"] == str(bundle)


def test_what_qgis_trusts_later_is_trusted_without_a_restart(isolated_settings, ca, tmp_path,
                                                            server, qgis_trusts,
                                                            qgis_exception, started):
    """The message said to import the CA in QGIS: the session that failed (the plugin's,
    made at the first login or search) trusts it on the next try, as it does a
    certificate accepted as an SSL exception meanwhile. QGIS signals neither change."""
    front = started(HttpsFront(server.port, *ca.server_files()))
    accepted = self_signed_files(tmp_path, "later")
    excepted = started(HttpsFront(server.port, *accepted))
    http = new_glue_http_session()
    for url in (f"https://localhost:{front.port}/stac/",
                f"https://localhost:{excepted.port}/health"):
        with pytest.raises(errors.CertificateNotTrusted):
            call(http, "GET", url)
    qgis_trusts(ca.pem)
    assert call(http, "GET", f"https://localhost:{front.port}/stac/").json()["type"] == "Catalog"
    qgis_exception(f"localhost:{excepted.port}", accepted[0].read_bytes())
    assert call(http, "GET", f"https://localhost:{excepted.port}/health").ok


def test_an_ssl_server_exception_accepts_that_certificate_only(isolated_settings, tmp_path,
                                                               server, qgis_exception,
                                                               started):
    accepted = self_signed_files(tmp_path, "accepted")
    other = self_signed_files(tmp_path, "other")
    front = started(HttpsFront(server.port, *accepted))
    impostor = started(HttpsFront(server.port, *other))
    for target in (front, impostor):
        with pytest.raises(errors.CertificateNotTrusted):
            call(new_glue_http_session(), "GET", f"https://localhost:{target.port}/health")
    pem = accepted[0].read_bytes()
    qgis_exception(f"localhost:{front.port}", pem)
    qgis_exception(f"localhost:{impostor.port}", pem)  # accepted there for another cert
    assert call(new_glue_http_session(), "GET", f"https://localhost:{front.port}/health").ok
    with pytest.raises(errors.CertificateNotTrusted):
        call(new_glue_http_session(), "GET", f"https://localhost:{impostor.port}/health")


def real_data_href(server, base_url):
    """The href, on `base_url`, of a data file the object store really has."""
    found = next((server.data_dir / "objects" / "dinamis-catalogue").rglob("*_PAN.tif"))
    key = found.relative_to(server.data_dir / "objects").as_posix()
    return f"{base_url}/s3/{key}"


def test_through_a_tls_inspecting_proxy_for_the_plugin_and_gdal(isolated_settings, ca, server,
                                                                qgis_trusts, started,
                                                                secret_store):
    """The services over HTTPS, the QGIS proxy decrypting it with the administration's CA:
    the plugin logs in with an API key and signs through it, and GDAL streams the signed
    COG through it with the CA bundle the glue exposes."""
    from osgeo import gdal
    gdal.UseExceptions()
    inspecting = started(InspectingProxy(*ca.server_files("proxy")))
    set_qgis_proxy(host="127.0.0.1", port=inspecting.port)
    https = local_reference(f"https://127.0.0.1:{server.port}")
    key = create_api_key(server, "alice")
    with pytest.raises(errors.CertificateNotTrusted):
        DinamisSession(https, secret_store, http=new_glue_http_session()).login_api_key(
            key["access-key"], key["secret-key"])
    qgis_trusts(ca.pem)
    session = DinamisSession(https, secret_store, http=new_glue_http_session())
    session.login_api_key(key["access-key"], key["secret-key"])
    href = real_data_href(server, f"https://127.0.0.1:{server.port}")
    signed = Signer(session.http, https.signing_url, https.is_storage_url).sign_url(href)
    assert signed.startswith(href + "?") and "X-Amz-Signature=" in signed
    assert inspecting.connects and set(inspecting.connects) == {f"127.0.0.1:{server.port}"}
    assert ("POST", "/signing/sign_urls") in inspecting.seen

    def open_with(options):
        gdal.VSICurlClearCache()
        for name, value in options.items():
            gdal.SetConfigOption(name, value)
        try:
            dataset = gdal.Open("/vsicurl/" + signed)  # kept: its band dies with it
            return dataset.GetRasterBand(1).Checksum()
        finally:
            for name in options:
                gdal.SetConfigOption(name, None)

    with pytest.raises(RuntimeError):  # curl does not know the administration's CA
        open_with(proxy.gdal_proxy_options())
    assert open_with({**proxy.gdal_proxy_options(), **tls.gdal_tls_options()}) >= 0
    assert any(path.startswith("/s3/dinamis-catalogue/") for _, path in inspecting.seen)
