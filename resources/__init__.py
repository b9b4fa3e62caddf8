"""Runtime files of BriefDesk (templates, fonts, samples), read with importlib.resources."""
