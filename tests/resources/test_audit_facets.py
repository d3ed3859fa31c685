"""Reading an audit-log export's CSV and counting it (no UI, no network)."""

from __future__ import annotations

from workos_tui.resources.audit_facets import facets, matching, parse_export

CSV = (
    "\ufeffEvent ID,Action,Occurred At,Actor ID,Actor Name,Targets,Location\r\n"
    'a1,user.signed_in,2026-01-02T10:00:00Z,user_1,Ada,"[{""type"": ""user"", ""id"": ""u1""}]",'
    "203.0.113.1\r\n"
    "a2,document.updated,2026-01-02T11:00:00Z,user_2,Grace,document:d1;team:t1,203.0.113.2\r\n"
    "a3,user.signed_in,2026-01-03T09:00:00Z,user_1,Ada,user:u1;user:u2,203.0.113.1\r\n"
    "\r\n"
)


def test_headers_are_matched_loosely_and_targets_read_in_either_form() -> None:
    records = parse_export(CSV)
    assert [r.id for r in records] == ["a1", "a2", "a3"]
    assert records[0].targets == ("user",)
    assert records[1].targets == ("document", "team")
    assert records[2].actor == "Ada" and records[2].day == "2026-01-03"


def test_facets_count_each_record_once_per_value() -> None:
    counts = facets(parse_export(CSV))
    assert counts["action"] == {"user.signed_in": 2, "document.updated": 1}
    assert counts["actor"] == {"Ada": 2, "Grace": 1}
    assert counts["target"] == {"user": 2, "document": 1, "team": 1}
    assert counts["day"] == {"2026-01-02": 2, "2026-01-03": 1}


def test_matching_combines_facets_and_text() -> None:
    records = parse_export(CSV)
    assert [r.id for r in matching(records, {"actor": "Ada"})] == ["a1", "a3"]
    assert [r.id for r in matching(records, {"actor": "Ada", "day": "2026-01-03"})] == ["a3"]
    assert [r.id for r in matching(records, {}, "203.0.113.2")] == ["a2"]
    assert [r.id for r in matching(records, {"target": "team"}, "GRACE")] == ["a2"]
