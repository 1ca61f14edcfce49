"""Where routines are (`sources`), which of them are valid (`entries`),
`spinewise check` over files (`checking`), and noticing a change on disk (`watch`)."""
