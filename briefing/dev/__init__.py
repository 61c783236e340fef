"""Developer commands: ``briefing eval`` (ROUGE against human references) and the training
of the sentence scorer. Not needed to read news: they need the ``[eval]`` extra
(``pip install 'briefing[eval]'``, rouge-score) and a folder of sets named on the command line.
"""
