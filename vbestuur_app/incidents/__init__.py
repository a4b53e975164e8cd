"""The incident register's pages (issue 16): the office holder's form, receipt and own list,
and the coordinator's register, pattern signal and figures. What they do is the service's
(`vbestuur_service.incidents`); here only the widgets, the words and the calm failures."""
