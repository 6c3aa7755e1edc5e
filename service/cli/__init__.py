"""The command-line tool (``timeline``, ``python -m service.cli``): one document to stdout
(``extract``), or an archive to a folder of JSON Lines part files (``batch``) on local processes or
a Dask cluster. Results are in the API's response schema; bad records get the API's problems.
"""
