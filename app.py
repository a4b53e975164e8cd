"""vbestuur: the Streamlit entry point, a thin frame around `vbestuur_engine`.

Why so little here: the frame (the language, the 112 notice, the navigation) is
`vbestuur_app.frame`, whose `main` each rerun calls: a module's imports run once per process,
a script's on every rerun. Answers live in the session (see `vbestuur_app.state`) and are
saved under this browser's token (`vbestuur_app.persistence`), advice comes from the engine,
and each page is its own module under `vbestuur_app/views` or `vbestuur_app/store_views`.

Why this file is also an ASGI app: `streamlit run app.py` finds `app = st.App(...)` below and
serves the app through it, so `vbestuur_app/asgi.py` can set the session cookie and the
security headers on the page request (a Streamlit script cannot set cookies) and its lifespan
opens the process's runtime. Each session then runs this same file as its script
(`__name__ == "__main__"`), which draws the page. AppTest runs it as a plain script, without
middleware and without cookies. (`streamlit run` finds the ASGI app only by an `st.App(...)`
call in this file, so the two roles stay in one file; everything ASGI lives in asgi.py.)
"""

from __future__ import annotations

from vbestuur_app import frame

if __name__ == "__main__":
    frame.main()
else:  # imported by `streamlit run` (uvicorn) as the ASGI app around this same script
    from pathlib import Path

    import streamlit as st

    from vbestuur_app import asgi

    app = st.App(Path(__file__), middleware=asgi.middleware(), routes=asgi.routes(),
                 lifespan=asgi.lifespan)
