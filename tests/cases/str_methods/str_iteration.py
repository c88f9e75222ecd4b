word = 'héllo'
for i, ch in enumerate(word):
    print(i, ch, ord(ch), ch.isalpha())
it = iter('ab')
print(type(it).__name__, next(it), next(it), next(it, None))
print(type(iter('é')).__name__, list('a😀b'), len('a😀b'), 'a😀b'[1])
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print([c * 2 for c in 'xyz'], tuple('hi'), set('aaa') == {'a'}, dict.fromkeys('ab', 0))
print(' '.join(w[::-1] for w in 'the quick fox'.split()))
print('-'.join(sorted('banana', reverse=True)), max('hello', key=ord), sum(map(ord, 'AB')))
