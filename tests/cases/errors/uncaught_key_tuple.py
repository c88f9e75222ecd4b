grid = {(0, 0): 'origin', (1, 0): 'east'}
print(grid[(0, 0)], grid[1, 0])
for x in range(3):
    print(x, grid.get((x, 0), 'none'))
print(grid[(2, 3)])
