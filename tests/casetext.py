"""A small, valid case file as text, for tests that need to edit or break one."""

from __future__ import annotations

CASE_YAML = """\
id: demo
name: Demo negotiation
as_of: 2025-06-30
description: Two parties and a mediator over two issues.
sources:
  - {id: wire-2022, title: Talks report, kind: news, outlet: Wire, url: "https://example.org/2022"}
  - {id: wire-2024, title: Terms report, kind: news, outlet: Wire, url: "https://example.org/2024"}
actors:
  - {id: north, name: North, kind: state, role: party, aliases: [Northland]}
  - {id: south, name: South, kind: state, role: party}
  - {id: broker, name: Broker, kind: state, role: mediator}
  - {id: leader, name: Leader of North, kind: person, role: party, member_of: north}
issues:
  - id: border
    name: Border
    category: territory
    description: 0 is North's maximal claim, 100 South's.
    scale:
      anchors:
        - {value: 0, label: North keeps everything}
        - {value: 50, label: freeze on the line}
        - {value: 100, label: South keeps everything}
  - id: alliance
    name: Alliance membership
    category: security
    description: 0 full membership, 100 permanent neutrality.
    scale:
      min: 0
      max: 10
      anchors:
        - {value: 0, label: joins the alliance}
        - {value: 10, label: neutral for ever}
positions:
  - {actor: north, issue: border, as_of: 2022-03-01, position: 0, salience: 90, capability: 40,
     sources: [wire-2022], coded_by: source}
  - {actor: north, issue: border, as_of: 2024-06-01, position: 40, salience: 90, capability: 40,
     sources: [wire-2024], coded_by: analyst, rationale: open to a freeze per the report}
  - {actor: south, issue: border, as_of: 2022-03-01, position: 100, salience: 80, capability: 60,
     sources: [wire-2022], coded_by: source}
  - {actor: south, issue: alliance, as_of: 2024-06-01, position: 10, salience: 70, capability: 60,
     sources: [wire-2024], coded_by: source}
  - {actor: broker, issue: border, as_of: 2024-06-01, position: 50, salience: 30, capability: 50,
     coded_by: analyst, rationale: mediator pushes a freeze}
proposals:
  - id: freeze
    name: Freeze plan
    date: 2024-06-01
    status: proposed
    authors: [broker]
    sources: [wire-2024]
    positions:
      border: {position: 50, rationale: freezes the line}
    provisions:
      - {ref: "1", text: Both sides stop on the current line., issue: border}
events:
  - {id: talks-1, date: 2022-03-01, title: First talks, kind: talks, actors: [north, south],
     sources: [wire-2022]}
indicators:
  - id: poll
    name: Support for talks in North
    unit: "%"
    actor: north
    series:
      - {date: 2022-03-01, value: 20, sources: [wire-2022]}
      - {date: 2024-06-01, value: 35, low: 32, high: 38, sources: [wire-2024]}
"""
