"""Cognitive complexity (limit 4): the constructs whose count follows SonarSource's definition."""


def settle(job):  # [function-too-complex, cognitive-complexity-high]
    try:
        job.run()
    except OSError:  # +1
        job.retry()
    else:  # +1: a try's else is a branch, and it nests its body
        if job.notify and job.ready:  # +2, and +1 for the `and`
            job.send()
    return job


class Walker:
    def climb(self, node):  # [cognitive-complexity-high]
        for child in node.children:  # +1
            if child.skip:  # +2
                continue
        else:  # +1: a loop's else
            return self.climb(node.parent)  # +1: the method calls itself
        return node


def grade(score, bonus, late):  # [cognitive-complexity-high]
    if score > 90:  # +1
        return "A"
    else:  # +1: an else holding an if is not an elif
        if bonus or late:  # +2 (nested in the else), and +1 for the `or`
            return "B"
    return "C"


def grade_flat(score, bonus):  # an elif chain stays flat: 2
    if score > 90:
        return "A"
    elif bonus:
        return "B"
    return "C"
