"""Routes by area; each module exports `routes`, a list of Starlette routes.

Importing the package registers the `{name:id}` path convertor (web/numbers.py)
before any route module compiles its paths.
"""

import clearheart.web.numbers  # noqa: F401
