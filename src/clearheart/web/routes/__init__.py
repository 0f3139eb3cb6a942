"""Routes by area; each module exports `routes`, a list of Starlette routes."""
