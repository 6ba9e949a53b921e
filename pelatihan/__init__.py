"""Training and support for the new post: the catalogue, assignments for the competence gap with
their evidence, the mentor and the adaptation plan. Sits above mutasi and below evaluasi."""
