# De eigen meldingen van de opdrachten: gebruik, wat geschreven is.
