# The app, served by gunicorn, with the dataset mounted as a volume (see the README's Hosting):
#   docker build -t timeline .
#   docker run --rm -p 8050:8050 -v "$PWD/data/mine:/data:ro" -e TIMELINE_PUBLIC_URL=https://timeline.example.org timeline
# Nothing mounted at /data: the bundled dataset. Edits to the mounted folder show while it runs.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
# the pinned runtime first (its own layer: rebuilt only when requirements.txt changes)
COPY requirements.txt ./
RUN pip install -r requirements.txt
# then the package itself (the wheel carries the bundled dataset and its seed text)
COPY pyproject.toml README.md ./
COPY timeline ./timeline
COPY data/trump-kim ./data/trump-kim
COPY seeds ./seeds
COPY scripts/serve-container.sh /usr/local/bin/serve-container
RUN pip install --no-deps . \
    && rm -rf /src \
    && useradd --system --uid 10001 --home-dir /srv timeline \
    && mkdir -p /data /srv && chown timeline /srv

WORKDIR /srv
USER timeline
EXPOSE 8050
VOLUME /data
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request, os; urllib.request.urlopen('http://127.0.0.1:%s/embed' % os.environ.get('PORT', '8050'), timeout=4)"
CMD ["serve-container"]
