"""vbestuur_app: the Streamlit layer over vbestuur_engine."""
