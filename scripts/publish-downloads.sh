#!/usr/bin/env bash
# Publishes the report downloads (DOWNLOADS_OUT_DIR of a build with DOWNLOADS_SITE) to the gh-pages
# branch of a second repository, whose GitHub Pages site serves them (README, "Publishing on GitHub
# Pages"). Run by the deploy workflow; plain git, so that it runs the same anywhere.
#
#   publish-downloads.sh DIR OWNER/NAME       mirror DIR onto the branch (files not in DIR removed), push
#   publish-downloads.sh --url OWNER/NAME [ADDRESS]
#                                             print the site's address: ADDRESS when given, else
#                                             https://owner.github.io/NAME/ (https://owner.github.io/
#                                             for a repository named owner.github.io)
#
# Environment: DOWNLOADS_DEPLOY_KEY, a private SSH key whose public half is a deploy key with write
# access on that repository; DOWNLOADS_GIT_URL to push elsewhere than git@github.com:OWNER/NAME.git
# (the tests push to a local repository); DOWNLOADS_BRANCH (default gh-pages).
# Only the files that changed since the last push are sent: the branch is cloned (depth 1) and
# committed on, so that each deployment adds what changed, not another 500 MB.
set -euo pipefail

fail() {
  echo "publish-downloads: $*" >&2
  exit 1
}

repo_parts() {
  [[ "$1" =~ ^([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)$ ]] || fail "'$1' is not a repository (owner/name)"
  owner=${BASH_REMATCH[1]}
  name=${BASH_REMATCH[2]}
}

if [ "${1:-}" = "--url" ]; then
  [ $# -ge 2 ] || fail "usage: $0 --url OWNER/NAME [ADDRESS]"
  repo_parts "$2"
  if [ -n "${3:-}" ]; then
    address=$3
  else
    lower=$(printf '%s' "$owner" | tr 'A-Z' 'a-z')
    if [ "$(printf '%s' "$name" | tr 'A-Z' 'a-z')" = "$lower.github.io" ]; then address="https://$lower.github.io/"; else address="https://$lower.github.io/$name/"; fi
  fi
  [[ "$address" =~ ^https?://[^/]+ ]] || fail "'$address' is not an http(s) address"
  case "$address" in */) ;; *) address="$address/" ;; esac
  printf '%s\n' "$address"
  exit 0
fi

[ $# -eq 2 ] || fail "usage: $0 DIR OWNER/NAME"
[ -d "$1" ] || fail "$1 is not a folder (build with DOWNLOADS_SITE and DOWNLOADS_OUT_DIR first)"
dir=$(cd "$1" && pwd)
repo_parts "$2"
[ -n "$(ls -A "$dir")" ] || fail "$dir is empty: nothing to publish"
url=${DOWNLOADS_GIT_URL:-git@github.com:$owner/$name.git}
branch=${DOWNLOADS_BRANCH:-gh-pages}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${DOWNLOADS_DEPLOY_KEY:-}" ]; then
  printf '%s\n' "$DOWNLOADS_DEPLOY_KEY" >"$work/key"
  chmod 600 "$work/key"
  export GIT_SSH_COMMAND="ssh -i $work/key -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new"
elif [ -z "${DOWNLOADS_GIT_URL:-}" ]; then
  fail "no DOWNLOADS_DEPLOY_KEY: add the deploy key's private half as the repository secret DOWNLOADS_DEPLOY_KEY"
fi

site="$work/site"
set +e
git ls-remote --exit-code --heads "$url" "$branch" >/dev/null
found=$?
set -e
case $found in
  0) git clone --quiet --depth 1 --branch "$branch" "$url" "$site" ;;
  2) # The branch does not exist yet: the first publication starts it.
    git init --quiet "$site"
    git -C "$site" checkout --quiet -b "$branch"
    git -C "$site" remote add origin "$url" ;;
  *) fail "cannot reach $url (is the deploy key added to $owner/$name with write access?)" ;;
esac

# The branch becomes exactly DIR: files of reports no longer built go.
find "$site" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
cp -R "$dir"/. "$site"/
# Served as they are, not through Jekyll.
touch "$site/.nojekyll"
git -C "$site" add -A
if git -C "$site" diff --cached --quiet; then
  echo "publish-downloads: $owner/$name $branch already holds these files"
  exit 0
fi
changed=$(git -C "$site" diff --cached --name-only | wc -l)
git -C "$site" -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit --quiet -m "Report downloads${GITHUB_SHA:+ of $GITHUB_SHA}"
git -C "$site" push --quiet origin "HEAD:refs/heads/$branch"
echo "publish-downloads: $changed file(s) changed on $owner/$name $branch"
