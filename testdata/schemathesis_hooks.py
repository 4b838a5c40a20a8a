"""schemathesis hooks for the API tests (ops_neo4j_test.go, SCHEMATHESIS_HOOKS).

CPython 3.11 can raise "SystemError: AST constructor recursion depth
mismatch" from ast.parse when it runs deep in the stack, and Hypothesis
calls ast.parse deep inside data generation to describe a lambda (for
its own messages). The description is cosmetic, so a failure falls back
to Hypothesis' own placeholder instead of aborting the run with a tool
error that says nothing about the API.
"""

from hypothesis.internal import lambda_sources

_describe = lambda_sources._lambda_description


def _lambda_description(f, *args, **kwargs):
    try:
        return _describe(f, *args, **kwargs)
    except SystemError:
        return "lambda: <unknown>"


lambda_sources._lambda_description = _lambda_description
