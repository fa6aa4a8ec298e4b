SAMPLE = {"a": 1}
