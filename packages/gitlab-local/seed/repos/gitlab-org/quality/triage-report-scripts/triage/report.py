import sys

import requests

API = "https://gitlab.com/api/v4"


def fetch_issues(project, token):
    resp = requests.get(API + "/projects/%s/issues" % project, headers={"PRIVATE-TOKEN": token})
    resp.raise_for_status()
    return resp.json()


def summarize(issues):
    counts = {}
    for issue in issues:
        for label in issue.get("labels", []):
            counts[label] = counts.get(label, 0) + 1
    return counts


if __name__ == "__main__":
    print(summarize(fetch_issues(sys.argv[1], sys.argv[2])))
