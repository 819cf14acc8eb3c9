# Lezen, ontleden en vertalen naar het model: I-, S- en L-codes.
