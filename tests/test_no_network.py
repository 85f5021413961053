"""The whole job runs without touching the network, and officer text never runs as a template or formula."""

from __future__ import annotations

import socket
from datetime import date

import pytest
from conftest import DENDERLEEUW, WAREGEM


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"netwerktoegang geprobeerd: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_check_trends_and_documents_make_no_network_access(no_network, tmp_path):
    from reporting.documents import render_plan_document, render_year_report
    from reporting.figures.trends import indicator_trends
    from reporting.validation import validate
    from workbook.reading.reader import read_plan

    for path in (WAREGEM, DENDERLEEUW):
        plan = read_plan(path)
        validate(plan)
        indicator_trends(plan)
        assert render_year_report(plan, today=date(2024, 1, 15))[:2] == b"PK"
        assert render_plan_document(plan, today=date(2024, 1, 15))[:2] == b"PK"
