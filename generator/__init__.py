"""The handbook generator, one subpackage per stage of the data flow.

content/ reads and checks the YAML, pages/ turns checked content into reader pages, publish/ writes them out.
Imports run one way only, publish → pages → content; cli.py is the one module that may use all three.
"""
