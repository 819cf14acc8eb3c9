# submission
