#!/usr/bin/python3
"""Writes samples/digits.svm: samples/digits.csv (scikit-learn 1.2.1 load_digits) in svmlight format, label = target,
features 1..64 = the pixels, zeros dropped (about half the pixels are zero), by sklearn.datasets.dump_svmlight_file.

    cd samples && /usr/bin/python3 make_digits_svm.py
"""
import numpy as np
import pandas as pd
from sklearn.datasets import dump_svmlight_file

df = pd.read_csv("digits.csv")
y = df.pop("target").to_numpy()
X = df.to_numpy(dtype=np.float64)
dump_svmlight_file(X, y, "digits.svm", zero_based=False,
                   comment="digits.csv (scikit-learn load_digits, UCI optical digits) as svmlight; made by make_digits_svm.py")
print(X.shape, (X != 0).mean())
