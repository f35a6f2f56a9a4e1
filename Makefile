.PHONY: help run test lint browser messages
help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## / — /'
run:  ## set up and serve with demo data on http://127.0.0.1:8000
	./dev run
test:  ## set up and run the whole test suite (SQLite)
	./dev test
browser:  ## browser tests in Debian's chromium
	./dev test -m browser -p no:randomly
lint:  ## ruff
	.venv/bin/ruff check .
messages:  ## refresh and compile the English translation catalogue
	cd tiepdan && ../.venv/bin/django-admin makemessages -l en --no-obsolete && ../.venv/bin/django-admin compilemessages -l en
