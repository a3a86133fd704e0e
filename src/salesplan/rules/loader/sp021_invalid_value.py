"""A value of the wrong type or outside its allowed values (an unknown scenario, a list where a
number belongs, a probability of 9). The refused value is quoted as the file writes it.

A YAML tag is refused on any node, at the tag (`!!python/object:...`, `!!set`, `!!omap`,
`!!binary`, `!custom`, `!!float 500`): a plan is plain mappings, lists and values. A tag that
names what the node is anyway is harmless and accepted: `!!map` on a mapping, `!!seq` on a list,
`!!int 500`, and `!!str` on a single value (read as text, as quotes would).

Reported by the loader, before the lint rules run.

Failing example::

    risks:
      - id: R1
        description: 竞品降价
        probability: 9
        impact: severe

Passing example::

    risks:
      - id: R1
        description: 竞品降价
        probability: medium
        impact: severe
"""

from salesplan import codes

CODE = codes.INVALID_VALUE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
