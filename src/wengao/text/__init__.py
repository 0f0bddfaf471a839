"""Chinese text utilities shared by the build and the mining pipelines."""
