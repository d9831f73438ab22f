from setuptools import find_packages, setup

setup(
    name="triage-report-scripts",
    version="0.3.1",
    packages=find_packages(exclude=["tests"]),
    install_requires=open("requirements.txt").read().splitlines(),
    python_requires=">=3.6",
)
