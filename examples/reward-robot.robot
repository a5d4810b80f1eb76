# The reward robot in the simulated world: examples/world.robot's body, without reverse lines, encoders or light
# sensors, and the seven front-half rangers of examples/reward-robot.board. docs/world.md has the format.

body          radius=80 wheelbase=140 maxspeed=300
motor         left   pwm=motor-left
motor         right  pwm=motor-right

# Ultrasound rangers: 30-degree beams, five rays each, 1.5 m range, 5 mm of noise (one standard deviation).
sonar         sonar0  angle=0    range=1500 beam=30 rays=5 noise=5
sonar         sonar1  angle=30   range=1500 beam=30 rays=5 noise=5
sonar         sonar2  angle=60   range=1500 beam=30 rays=5 noise=5
sonar         sonar3  angle=90   range=1500 beam=30 rays=5 noise=5
sonar         sonar4  angle=-90  range=1500 beam=30 rays=5 noise=5
sonar         sonar5  angle=-60  range=1500 beam=30 rays=5 noise=5
sonar         sonar6  angle=-30  range=1500 beam=30 rays=5 noise=5

bump          bump
