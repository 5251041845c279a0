"""The desk's HTTP client: timeouts, identity, trust (CA bundle, certificates), no proxies."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from desktop.config.settings import Settings, SettingsError
from desktop.platform.errors import NetworkError
from desktop.platform.http import make_http_client
from desktop.platform.token import TokenManager
from desktop.training.auth import TokenAuthority, token_endpoint
from desktop.training.server import LoopbackServer

CLIENT_ID = "H310101"
SECRET = "s3cret"


@dataclass(frozen=True)
class SiteCertificates:
    """A private CA, as on a government intranet, and a server certificate it signed."""

    ca_file: Path
    cert_file: Path
    key_file: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _builder(
    subject: str, issuer: str, public_key: ec.EllipticCurvePublicKey
) -> x509.CertificateBuilder:
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


@pytest.fixture(scope="session")
def site_certificates(tmp_path_factory: pytest.TempPathFactory) -> SiteCertificates:
    folder = tmp_path_factory.mktemp("tls")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_usage = x509.KeyUsage(
        digital_signature=True, content_commitment=False, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip
    ca = (
        _builder("blood-desk test CA", "blood-desk test CA", ca_key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(ca_usage, critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    san = x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    server = (
        _builder("127.0.0.1", "blood-desk test CA", server_key.public_key())
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = SiteCertificates(folder / "site-ca.pem", folder / "server.pem", folder / "server.key")
    files.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files.cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    files.key_file.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


async def _echo_headers(request: Request) -> Response:
    return JSONResponse(dict(request.headers))


def _app(authority: TokenAuthority) -> Starlette:
    return Starlette(routes=[token_endpoint(authority), Route("/headers", _echo_headers)])


@pytest.fixture
def authority() -> TokenAuthority:
    return TokenAuthority({CLIENT_ID: (SECRET, 101)})


@pytest.fixture
def tls_server(
    site_certificates: SiteCertificates, authority: TokenAuthority
) -> Iterator[LoopbackServer]:
    server = LoopbackServer(
        _app(authority),
        ssl_certfile=site_certificates.cert_file,
        ssl_keyfile=site_certificates.key_file,
    )
    with server:
        yield server


@pytest.fixture
def plain_server(authority: TokenAuthority) -> Iterator[LoopbackServer]:
    with LoopbackServer(_app(authority)) as server:
        yield server


def settings_for(base_url: str, data_dir: Path, **extra: object) -> Settings:
    return Settings.model_validate(
        {
            "data_dir": data_dir,
            "token_url": base_url + "/oauth/token",
            "service_url": base_url + "/soap",
            "dispatch_url": base_url + "/headers",
            "client_id": CLIENT_ID,
            "client_secret": SECRET,
            **extra,
        }
    )


def fetch_token(settings: Settings) -> str:
    with make_http_client(settings) as client:
        return TokenManager(settings, client).token()


def test_timeouts_and_identity_come_from_the_settings(
    plain_server: LoopbackServer, tmp_path: Path
) -> None:
    settings = settings_for(plain_server.base_url, tmp_path, connect_timeout_s=2, read_timeout_s=9)
    with make_http_client(settings) as client:
        assert client.timeout.connect == 2
        assert client.timeout.read == 9
        headers = client.get(plain_server.base_url + "/headers").json()
    assert headers["user-agent"].startswith("blood-desk/")


def test_proxies_in_the_environment_are_ignored(
    plain_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(variable, "http://127.0.0.1:9")
    assert fetch_token(settings_for(plain_server.base_url, tmp_path))


def test_site_ca_bundle_is_trusted(
    tls_server: LoopbackServer, site_certificates: SiteCertificates, tmp_path: Path
) -> None:
    assert tls_server.base_url.startswith("https://")
    settings = settings_for(tls_server.base_url, tmp_path, ca_bundle=site_certificates.ca_file)
    assert fetch_token(settings)


def test_private_ca_without_bundle_is_a_certificate_error(
    tls_server: LoopbackServer, tmp_path: Path
) -> None:
    with pytest.raises(NetworkError) as caught:
        fetch_token(settings_for(tls_server.base_url, tmp_path))
    error = caught.value
    assert error.certificate
    assert error.retryable
    assert "HTTPS 证书" in error.message_zh
    assert "BLOOD_DESK_CA_BUNDLE" in error.message_zh
    assert "CA bundle" in error.message_en


def test_verification_can_be_turned_off(tls_server: LoopbackServer, tmp_path: Path) -> None:
    assert fetch_token(settings_for(tls_server.base_url, tmp_path, verify_tls=False))


def test_https_to_a_plain_http_server_is_a_handshake_error(
    plain_server: LoopbackServer, tmp_path: Path
) -> None:
    https_url = plain_server.base_url.replace("http://", "https://")
    with pytest.raises(NetworkError) as caught:
        fetch_token(settings_for(https_url, tmp_path))
    assert not caught.value.certificate
    assert "握手失败" in caught.value.message_zh
    assert "http:// or https://" in caught.value.message_en


def test_unusable_ca_bundle_is_a_settings_error(tmp_path: Path) -> None:
    bundle = tmp_path / "not-a-certificate.pem"
    bundle.write_text("this is not PEM")
    settings = settings_for("https://10.107.135.13", tmp_path, ca_bundle=bundle)
    with pytest.raises(SettingsError) as caught:
        make_http_client(settings)
    assert str(bundle) in caught.value.message_zh
    assert "PEM" in caught.value.message_zh
