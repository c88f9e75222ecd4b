# Deliberately raises: a custom exception propagating through three frames.
class BudgetExceeded(Exception):
    pass

def spend(amount, budget):
    if amount > budget:
        raise BudgetExceeded(f"{amount} > {budget}")
    return budget - amount

def plan(items, budget):
    for item in items:
        budget = spend(item, budget)
        print("left", budget)
    return budget

plan([10, 20, 50], 60)
