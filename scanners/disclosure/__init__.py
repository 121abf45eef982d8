"""Disclosure to another party under PDPA s.37(2): the request, the treatments that
minimise each column, the assessment and its k-anonymity search, all pure logic.

The agent (``agent.disclosure``) reads the request file, asks the connector for
what the assessment needs and streams the extract through these treatments.
"""
