"""Demo stories: made-up people's weeks and months, written into a throwaway vault.

`build_demo` is the entry point (`clearheart demo --story calm|unsafe`). The
stories sit above the services and below the CLI and the web app; the app itself
never imports them.
"""

from clearheart.demo.build import STORIES, StoryName, build_demo

__all__ = ["STORIES", "StoryName", "build_demo"]
