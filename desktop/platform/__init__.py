"""The platform client: token, SOAP business operations and the dispatch list over HTTP."""
