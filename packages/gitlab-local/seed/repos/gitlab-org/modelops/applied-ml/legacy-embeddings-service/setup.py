from setuptools import setup

setup(name="legacy-embeddings-service", version="0.9.0", packages=["embeddings"])
