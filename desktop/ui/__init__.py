"""The Qt layer: renders core results and routes what the user does; computes nothing."""
