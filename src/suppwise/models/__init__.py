"""Data files of the learned text models (suppwise.textmodel), built by tools/train_text_models.py."""
