"""Making a routine one's own: new and copied files (`files`), the starter text
(`starter`), a draft checked as it is typed (`draft`) and an editing round in
`$EDITOR` (`edit_round`)."""
