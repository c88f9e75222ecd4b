lines = ['first line of message', 'second line is last on stderr']
print('before')
message = '\n'.join(lines)
print(len(message.splitlines()))
raise ValueError(message)
