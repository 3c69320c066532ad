"""Keep presigned-url signatures out of the access log: a logged signed url is a
credential anyone reading the log could use until it expires."""
import logging
import re

# Plain (`X-Amz-Signature=`) or percent-encoded once or twice (a signed url inside another
# url's query, e.g. the plugin's loopback redirect): the value ends at the next parameter.
_SECRET_QUERY = re.compile(r"(X-Amz-(?:Signature|Credential|Security-Token)(?:=|%3D|%253D))"
                           r"(?:[^&%\s\"]|%(?!26|2526)(?:25)?[0-9A-Fa-f]{2})+")


class RedactSignatures(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRET_QUERY.sub(r"\1REDACTED", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def install() -> None:
    """Filter the access logs of the development server and of gunicorn."""
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSignatures) for f in logger.filters):
            logger.addFilter(RedactSignatures())
